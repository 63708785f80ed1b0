package dev.bulwark.genesis.devaccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.ledger.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.MnemonicUtils;

class DevAccountsTest {
  @Test
  void accountZeroIsTheWellKnownHardhatAccount() {
    DevAccount first = DevAccounts.standard().get(0);
    assertThat(first.address().toChecksumHex()).isEqualTo("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    assertThat(first.index()).isZero();
  }

  @Test
  void allTenMatchWeb3jDerivation() {
    byte[] seed = MnemonicUtils.generateSeed(DevAccounts.MNEMONIC, "");
    assertThat(Bip39.seed(DevAccounts.MNEMONIC, "")).isEqualTo(seed);
    Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(seed);
    List<DevAccount> ours = DevAccounts.standard();
    assertThat(ours).hasSize(10);
    for (int i = 0; i < 10; i++) {
      int[] path = {44 | Bip32ECKeyPair.HARDENED_BIT, 60 | Bip32ECKeyPair.HARDENED_BIT,
          Bip32ECKeyPair.HARDENED_BIT, 0, i};
      Bip32ECKeyPair theirs = Bip32ECKeyPair.deriveKeyPair(master, path);
      assertThat(ours.get(i).privateKey().toArray())
          .isEqualTo(to32(theirs.getPrivateKey()));
      assertThat(ours.get(i).address().toHex())
          .isEqualTo("0x" + Keys.getAddress(theirs.getPublicKey()));
    }
    assertThat(DevAccounts.addresses()).hasSize(10);
  }

  @Test
  void passphraseAndOtherMnemonicsChangeTheSeedAsWeb3jDoes() {
    String mnemonic = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    assertThat(Bip39.seed(mnemonic, "TREZOR")).isEqualTo(MnemonicUtils.generateSeed(mnemonic, "TREZOR"));
    assertThat(Bip39.seed(mnemonic, "")).isNotEqualTo(Bip39.seed(mnemonic, "TREZOR"));
    assertThat(DevAccounts.derive(mnemonic, 2).get(0).address())
        .isNotEqualTo(DevAccounts.standard().get(0).address());
  }

  @Test
  void masterKeyMatchesBip32TestVector1() {
    // BIP-32 test vector 1: seed 000102...0f, chain m/0'.
    byte[] seed = Bytes.fromHex("000102030405060708090a0b0c0d0e0f").toArray();
    HdKey m = HdKey.master(seed);
    assertThat(m.privateKey().toUnprefixedHex())
        .isEqualTo("e8f32e723decf4051aefac8e2c93c9c5b214313817cdb01a1494b917c8436b35");
    assertThat(m.chainCode().toUnprefixedHex())
        .isEqualTo("873dff81c02f525623fd1fe5167eac3a55a049de3d314bb42ee227ffed37d508");
    assertThat(m.derive("m/0'").privateKey().toUnprefixedHex())
        .isEqualTo("edb2e14f9ee77d26dd93b4ecede8d16ed408ce149b6cd80b0715a2d911a0afea");
  }

  @Test
  void rejectsBadPaths() {
    HdKey m = HdKey.master(new byte[16]);
    assertThatThrownBy(() -> m.derive("44'/60'")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> m.derive("m/x")).isInstanceOf(IllegalArgumentException.class);
    assertThat(m.toString()).doesNotContain(m.privateKey().toUnprefixedHex());
  }

  private static byte[] to32(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }
}
