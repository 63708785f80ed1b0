package dev.bulwark.consensus.message;

/**
 * Everything validators send each other about consensus. {@link ConsensusMessageCodec} is the wire
 * form; the p2p layer carries the bytes and the consensus core decodes them.
 */
public sealed interface ConsensusMessage
    permits EpochMessage,
        BlockRetrievalRequest,
        BlockRetrievalResponse,
        CommittedBlocksRequest,
        CommittedBlocksResponse {
  /** Short name of the message type, for logs and drop reasons. */
  default String typeName() {
    return getClass().getSimpleName();
  }
}
