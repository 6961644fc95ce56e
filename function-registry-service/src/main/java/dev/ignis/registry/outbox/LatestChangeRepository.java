package dev.ignis.registry.outbox;

import org.springframework.data.jpa.repository.JpaRepository;

interface LatestChangeRepository extends JpaRepository<LatestChange, String> {}
