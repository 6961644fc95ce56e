package dev.ignis.registry.recursion;

import org.springframework.data.jpa.repository.JpaRepository;

interface RecursionConfigRepository extends JpaRepository<RecursionConfigEntity, String> {}
