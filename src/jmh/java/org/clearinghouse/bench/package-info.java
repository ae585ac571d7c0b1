/**
 * JMH micro-benchmarks of the hot paths (rendering, page view, search, history, save), built and
 * run only with the Maven profile {@code jmh} (see bench/README.md); never part of
 * {@code mvn verify}. May use every layer; nothing imports it.
 */
package org.clearinghouse.bench;
