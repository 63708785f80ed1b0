package dev.bulwark.genesis.devaccounts;

import dev.bulwark.ledger.crypto.Secp256k1;
import dev.bulwark.ledger.types.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The ten accounts of the Hardhat/Anvil development mnemonic (m/44'/60'/0'/0/i): every Ethereum
 * developer's tools know them, so a devnet funded with them works with wallets out of the box.
 * Their private keys are public; nothing of value may ever be held by them.
 */
public final class DevAccounts {
  /** The well-known development mnemonic. */
  public static final String MNEMONIC = "test test test test test test test test test test test junk";
  /** BIP-44 path prefix of Ethereum accounts; the account index is appended. */
  public static final String PATH_PREFIX = "m/44'/60'/0'/0/";
  /** How many accounts are funded. */
  public static final int COUNT = 10;

  private static final List<DevAccount> STANDARD = derive(MNEMONIC, COUNT);
  private static final Set<Address> ADDRESSES =
      Set.copyOf(STANDARD.stream().map(DevAccount::address).toList());

  private DevAccounts() {}

  /** The ten standard development accounts, index 0 first. */
  public static List<DevAccount> standard() {
    return STANDARD;
  }

  /** Their addresses. */
  public static Set<Address> addresses() {
    return ADDRESSES;
  }

  /** The first {@code count} accounts of {@code mnemonic} (empty passphrase). */
  public static List<DevAccount> derive(String mnemonic, int count) {
    HdKey parent = HdKey.master(Bip39.seed(mnemonic, "")).derive("m/44'/60'/0'/0");
    List<DevAccount> accounts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Secp256k1.KeyPair kp = parent.child(i).keyPair();
      accounts.add(new DevAccount(i, kp.address(), kp.privateKey()));
    }
    return List.copyOf(accounts);
  }
}
