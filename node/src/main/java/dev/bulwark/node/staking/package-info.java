/** The operator's staking client: builds, signs and submits staking-module calls over JSON-RPC. */
package dev.bulwark.node.staking;
