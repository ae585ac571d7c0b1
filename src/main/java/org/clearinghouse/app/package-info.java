/**
 * The command line and the wiring: parses options (picocli, each also settable through a
 * {@code CLEARINGHOUSE_*} environment variable), opens the repository, builds the wiki and its
 * web application, and runs it. The top of the stack: may import every other package; nothing
 * imports it, and it must not hold wiki logic of its own.
 */
package org.clearinghouse.app;
