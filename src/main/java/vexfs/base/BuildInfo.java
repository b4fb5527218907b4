package vexfs.base;

/** What this build is: shown by {@code vexfs --version} and /.vexfs/stats. */
public final class BuildInfo {
    /** The project version; equal to pom.xml's (checked by BuildInfoTest). */
    public static final String VERSION = "0.1.0-SNAPSHOT";

    private BuildInfo() {}
}
