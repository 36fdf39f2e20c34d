package io.agentassist.app.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * The demo data shipped inside the application (its jar, or the classes folder in a build), as a
 * {@link Path} that can be walked and read like any folder.
 */
final class DemoResources {
    static final String ROOT = "/io/agentassist/app/demo";

    private DemoResources() {
    }

    static Path root() throws IOException {
        // Found through a file in it: the folder's own name can also resolve to a classes folder of the same
        // package (the tests' one), which holds no data.
        URL url = DemoResources.class.getResource(ROOT + "/README.md");
        if (url == null) {
            throw new IOException("the demo data is missing from the application (" + ROOT + ")");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException alreadyOpen) {
                    // opened by an earlier call; Path.of finds it
                }
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException e) {
            throw new IOException("the demo data's location " + url + " is not a valid URI", e);
        }
    }
}
