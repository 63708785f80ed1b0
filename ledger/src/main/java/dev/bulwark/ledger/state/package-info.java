/** Ledger state and its commitment; see DESIGN.md section 3 (State root, Storage). */
package dev.bulwark.ledger.state;
