/**
 * User accounts: who may read, edit and administer the wiki. Holds the account model (validated
 * names, roles), bcrypt password hashing, the accounts file {@code DATA/users.json} (atomic,
 * owner-only writes; changes made by another process, such as the {@code user} command while the
 * server runs, are picked up) and the in-memory login throttle.
 *
 * <p>Accounts never live in the content repository. This package sits beside the page model at
 * the bottom of the stack: it may import {@code org.clearinghouse.page}, Jackson, bcrypt, SLF4J
 * and the JDK only. It must not import the other Clearinghouse packages (store, render, search,
 * wiki, web, app) nor JGit, Flexmark, Lucene, Javalin or Pebble; those layers call into it.
 */
package org.clearinghouse.account;
