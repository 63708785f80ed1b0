/** {@code bulwark audit}: replays a stopped node's chain from genesis and checks its books. */
package dev.bulwark.node.audit;
