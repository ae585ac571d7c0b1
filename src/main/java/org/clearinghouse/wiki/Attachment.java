package org.clearinghouse.wiki;

/** A file stored beside the pages (an image, a PDF): its repository path, blob id and bytes. */
public record Attachment(String path, String blobId, byte[] bytes) {}
