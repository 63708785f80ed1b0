package dev.bulwark.consensus.message;

/**
 * A message that belongs to one epoch and round: it is only meaningful to validators of that epoch,
 * so receivers buffer it when it is ahead of them and drop it when it is behind.
 */
public sealed interface EpochMessage extends ConsensusMessage
    permits ProposalMessage, VoteMessage, TimeoutMessage, SyncInfo {
  /** The epoch the message was made in. */
  long epoch();

  /** The round the message is about (for sync info: the highest round it certifies). */
  long round();
}
