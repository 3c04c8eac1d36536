"""Benchmarks of moscow-tui: first frame, memory, CLI timings and key latency (`make bench`)."""
