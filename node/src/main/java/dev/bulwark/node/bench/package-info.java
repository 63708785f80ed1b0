/** Benchmarks that drive a running node from outside, as a client would. */
package dev.bulwark.node.bench;
