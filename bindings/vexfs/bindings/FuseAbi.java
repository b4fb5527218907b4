package vexfs.bindings;

import java.lang.foreign.GroupLayout;

/**
 * The libfuse ABIs VexFS speaks, and the run-time choice among them from the loaded library's
 * {@code fuse_pkgversion()}. Each generation names the struct layouts to allocate and read (the generated-shape
 * classes checked by AbiProbeTest against that generation's headers), the {@code fuse_file_info} bitfield masks,
 * and whether the session must be created through the versioned constructor.
 *
 * <p>Only what VexFS touches is modelled. Between generations the common fields keep their offsets (AbiProbeTest
 * checks both shapes against C), so code reads and writes them through the 3.14 classes and only allocates with
 * the generation's size: a 3.17 library writes {@code fuse_buf.mem_size} past 3.14's 40 bytes and reads
 * {@code fuse_file_info.backing_id} past 3.14's 40 bytes, so a 3.14-sized struct would be overrun.
 */
public enum FuseAbi {
    /** libfuse 3.14.0: the layouts of the hand-written 3.14 bindings (Debian 12's library). */
    V3_14_0("3.14.0", FileInfoBits.V3_14_0, fuse_file_info.layout(), fuse_buf.layout(), fuse_bufvec.layout(),
            fuse_conn_info.layout(), false),
    /** libfuse 3.14.1 to 3.16.x: 3.14.0's layouts except the fuse_file_info bitfields (parallel_direct_writes). */
    V3_14_1("3.14.1 to 3.16.x", FileInfoBits.V3_14_1, fuse_file_info.layout(), fuse_buf.layout(),
            fuse_bufvec.layout(), fuse_conn_info.layout(), false),
    /**
     * libfuse 3.17.x (soname libfuse3.so.4, Debian 13): larger fuse_file_info (backing_id, compat_flags), fuse_buf
     * (mem_size) and fuse_bufvec, new fields in fuse_conn_info's reserved area, and fuse_session_new_versioned.
     */
    V3_17("3.17.x", FileInfoBits.V3_17, fuse_file_info_317.layout(), fuse_buf_317.layout(),
            fuse_bufvec_317.layout(), fuse_conn_info_317.layout(), true);

    /** The newest libfuse release whose headers AbiProbeTest checked the 3.17 shapes against (scripts/ci-libfuse317). */
    public static final LibfuseVersion CHECKED_3_17 = new LibfuseVersion(3, 17, 2, "3.17.2");
    /** The range accepted, for messages. */
    public static final String SUPPORTED = "libfuse 3.14.0 to 3.17.x";

    private final String versions;
    private final FileInfoBits fileInfoBits;
    private final GroupLayout fileInfo;
    private final GroupLayout buf;
    private final GroupLayout bufvec;
    private final GroupLayout connInfo;
    private final boolean versionedSessionNew;

    FuseAbi(String versions, FileInfoBits fileInfoBits, GroupLayout fileInfo, GroupLayout buf, GroupLayout bufvec,
            GroupLayout connInfo, boolean versionedSessionNew) {
        this.versions = versions;
        this.fileInfoBits = fileInfoBits;
        this.fileInfo = fileInfo;
        this.buf = buf;
        this.bufvec = bufvec;
        this.connInfo = connInfo;
        this.versionedSessionNew = versionedSessionNew;
    }

    /**
     * The ABI of libfuse {@code v}, or UnsupportedOperationException naming {@code v} (and {@code where}, the
     * library file, when known) if VexFS does not know it: older than 3.14.0, or newer than 3.17.x, whose layouts
     * nobody has checked (3.17 itself changed three structs without changing fuse_version()'s meaning).
     */
    public static FuseAbi forVersion(LibfuseVersion v, String where) {
        String lib = "libfuse " + v.text() + (where == null || where.isEmpty() ? "" : " (" + where + ")");
        if (v.major() != 3) {
            throw new UnsupportedOperationException(lib + " is not supported: VexFS speaks the ABIs of "
                    + SUPPORTED + " only; libfuse " + v.major() + " is a different API. Install libfuse 3.14-3.17 or"
                    + " point VEXFS_LIBFUSE (or -o libfuse=) at one");
        }
        if (v.minor() < 14) {
            throw new UnsupportedOperationException(lib + " is too old: VexFS needs " + SUPPORTED
                    + " (apt-get install fuse3 libfuse3-3 on Debian 12, libfuse3-4 on Debian 13)");
        }
        if (v.minor() > 17) {
            throw new UnsupportedOperationException(lib + " is newer than this VexFS knows: it has checked the ABIs"
                    + " of " + SUPPORTED + " only, and a new libfuse may change struct layouts (3.17 grew"
                    + " fuse_file_info and fuse_buf). Use libfuse 3.17 (VEXFS_LIBFUSE=/path/to/libfuse3.so.4 or"
                    + " -o libfuse=) until VexFS supports " + v.major() + "." + v.minor());
        }
        if (v.minor() == 17) return V3_17;
        if (v.minor() == 14 && v.hotfix() == 0) return V3_14_0;
        return V3_14_1;
    }

    /** Which libfuse versions this ABI covers, e.g. "3.14.1 to 3.16.x". */
    public String versions() { return versions; }

    public FileInfoBits fileInfoBits() { return fileInfoBits; }

    /** struct fuse_file_info: allocate open/create replies with this, read requests' structs within its size. */
    public GroupLayout fileInfo() { return fileInfo; }

    /** struct fuse_buf: what fuse_session_receive_buf fills. */
    public GroupLayout buf() { return buf; }

    /** struct fuse_bufvec with its one inline fuse_buf (fuse_reply_data). */
    public GroupLayout bufvec() { return bufvec; }

    /** struct fuse_conn_info as the init callback receives it. */
    public GroupLayout connInfo() { return connInfo; }

    /** True if the session must be made by fuse_session_new_versioned (3.17: fuse_session_new is a header macro). */
    public boolean versionedSessionNew() { return versionedSessionNew; }
}
