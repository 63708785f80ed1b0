/** Bulwark p2p module; see DESIGN.md section 2 for its responsibility. */
package dev.bulwark.p2p;
