package dev.ignis.invocation.code;

import java.io.IOException;
import java.io.InputStream;

/** Where packages come from, by hex SHA-256. Contract: the stream is the whole ZIP; a miss throws. */
public interface CodeSource {

    InputStream open(String sha256Hex) throws IOException;
}
