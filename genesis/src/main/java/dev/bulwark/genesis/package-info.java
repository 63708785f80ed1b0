/** Bulwark genesis module; see DESIGN.md section 2 for its responsibility. */
package dev.bulwark.genesis;
