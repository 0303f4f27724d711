//! Shared helpers for the sayso benchmarks (corpus building).
