package dev.ignis.registry.concurrency;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReservedConcurrencyRepository extends JpaRepository<ReservedConcurrencyEntity, String> {}
