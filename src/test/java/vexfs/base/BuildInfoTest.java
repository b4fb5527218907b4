package vexfs.base;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class BuildInfoTest {
    @Test
    void theVersionIsThePomsVersion() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        String project = pom.substring(pom.indexOf("<artifactId>vexfs</artifactId>"));
        assertTrue(project.contains("<version>" + BuildInfo.VERSION + "</version>"), "pom.xml and BuildInfo.VERSION differ");
    }
}
