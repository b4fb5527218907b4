package vexfs.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The xattr interface and .vec files through a real mount (dim 4, l2), from the shell and from Java. */
@Tag("mount")
class VectorXattrIT {
    @TempDir
    static Path tmp;
    static MountFixture m;

    @BeforeAll
    static void mount() throws Exception {
        m = new MountFixture(tmp).mkfs(4, "l2").mount();
    }

    @AfterAll
    static void unmount() throws Exception {
        if (m != null) m.close();
    }

    static MountFixture.Result sh(String script) throws Exception {
        return MountFixture.sh("cd '" + m.mnt + "' && " + script);
    }

    static UserDefinedFileAttributeView view(Path p) {
        return Files.getFileAttributeView(p, UserDefinedFileAttributeView.class);
    }

    static byte[] read(Path p, String name) throws Exception {
        UserDefinedFileAttributeView v = view(p);
        ByteBuffer b = ByteBuffer.allocate(v.size(name));
        v.read(name, b);
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    static long ino(Path backingFile) throws Exception {
        return (Long) Files.getAttribute(backingFile, "unix:ino");
    }

    @Test
    void csvInCsvOutWithShortestDecimalsAndListxattr() throws Exception {
        var r = sh("touch a && setfattr -n user.other -v hello a && setfattr -n user.vexfs.vector -v ' 0.1, -2.5,1e-5 ,3' a"
                + " && getfattr --only-values -n user.vexfs.vector a && echo && getfattr -d -m - a");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().startsWith("0.1,-2.5,1.0E-5,3.0\n"), r.output());
        assertTrue(r.output().contains("user.other=\"hello\""), r.output());
        assertTrue(r.output().contains("user.vexfs.vector=\"0.1,-2.5,1.0E-5,3.0\""), r.output());
        assertTrue(r.output().contains("user.vexfs.vector.f32="), r.output());
        assertFalse(r.output().contains("vexfs.v1"), "the internal attribute is never shown: " + r.output());
        // f32 is the same vector as raw little-endian floats
        byte[] raw = read(m.mnt.resolve("a"), "vexfs.vector.f32");
        assertEquals(16, raw.length);
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        assertArrayEquals(new float[] {0.1f, -2.5f, 1e-5f, 3f}, new float[] {b.getFloat(), b.getFloat(), b.getFloat(), b.getFloat()});
        // the vector lives on the backing inode
        assertTrue(view(m.backing.resolve("a")).list().contains("vexfs.v1"));
        // a file without a vector lists only its own attributes
        var plain = sh("touch plain && getfattr -d -m - plain; getfattr -n user.vexfs.vector plain");
        assertFalse(plain.output().contains("user.vexfs.vector="), plain.output());
        assertTrue(plain.output().contains("No such attribute"), plain.output());
    }

    @Test
    void f32InAndOutExactBitsFromJava() throws Exception {
        Path f = Files.writeString(m.mnt.resolve("j"), "x");
        float[] v = {Float.MIN_VALUE, -0f, 0.3333333f, 1.0e30f};
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) b.putFloat(x);
        view(f).write("vexfs.vector.f32", b.flip());
        byte[] back = read(f, "vexfs.vector.f32");
        assertArrayEquals(b.array(), back, "bit-exact, including -0");
        String csv = new String(read(f, "vexfs.vector"), StandardCharsets.US_ASCII);
        assertEquals("1.4E-45,-0.0,0.3333333,1.0E30", csv);
        // every CSV value reads back as the same float
        view(f).write("vexfs.vector", StandardCharsets.US_ASCII.encode(csv));
        assertArrayEquals(b.array(), read(f, "vexfs.vector.f32"));
    }

    @Test
    void sizeProbesAndErange() throws Exception {
        sh("touch p && setfattr -n user.vexfs.vector -v 1,2,3,4 p");
        String py = "import ctypes,sys\n"
                + "c=ctypes.CDLL(None,use_errno=True)\n"
                + "p=sys.argv[1].encode(); n=b'user.vexfs.vector'\n"
                + "size=c.getxattr(p,n,None,0); buf=ctypes.create_string_buffer(4096)\n"
                + "small=c.getxattr(p,n,buf,size-1); e1=ctypes.get_errno()\n"
                + "ok=c.getxattr(p,n,buf,size)\n"
                + "ls=c.listxattr(p,None,0); lsmall=c.listxattr(p,buf,ls-1); e2=ctypes.get_errno(); lok=c.listxattr(p,buf,ls)\n"
                + "print(size,small,e1,ok,ls,lsmall,e2,lok)\n";
        var r = MountFixture.run(java.util.List.of("python3", "-c", py, m.mnt.resolve("p").toString()));
        assertEquals(0, r.exit(), r.output());
        String[] f = r.output().trim().split(" ");
        assertEquals("15", f[0], "size probe = length of \"1.0,2.0,3.0,4.0\"");
        assertEquals("-1", f[1]);
        assertEquals("34", f[2], "ERANGE");
        assertEquals("15", f[3]);
        assertEquals(String.valueOf("user.vexfs.vector\0user.vexfs.vector.f32\0".length()), f[4]);
        assertEquals("-1", f[5]);
        assertEquals("34", f[6]);
        assertEquals(f[4], f[7]);
    }

    @Test
    void rootDescribesTheStoreReadOnly() throws Exception {
        var r = sh("getfattr --only-values -n user.vexfs.dim . && echo && getfattr --only-values -n user.vexfs.metric . && echo"
                + " && getfattr -d -m - .");
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().startsWith("4\nl2\n"), r.output());
        assertTrue(r.output().contains("user.vexfs.dim=\"4\"") && r.output().contains("user.vexfs.metric=\"l2\""), r.output());
        var set = sh("setfattr -n user.vexfs.dim -v 8 .");
        assertEquals(1, set.exit());
        assertTrue(set.output().contains("Operation not permitted"), set.output());
        var rm = sh("setfattr -x user.vexfs.metric .");
        assertTrue(rm.output().contains("Operation not permitted"), rm.output());
        assertEquals("4", new String(read(m.mnt, "vexfs.dim"), StandardCharsets.US_ASCII));
    }

    @Test
    void onlyRegularFilesCarryVectors() throws Exception {
        var r = sh("mkdir -p dd && ln -sf a sl && setfattr -n user.vexfs.vector -v 1,2,3,4 dd; echo rc=$?;"
                + " setfattr -h -n user.vexfs.vector -v 1,2,3,4 sl; echo rc=$?; getfattr -n user.vexfs.vector dd");
        assertTrue(r.output().contains("dd: Operation not permitted") && r.output().contains("sl: Operation not permitted"),
                r.output());
        assertFalse(r.output().contains("rc=0"), r.output());
        assertTrue(r.output().contains("No such attribute"), r.output());
    }

    @Test
    void badInputIsEinvalKeepsThePreviousVectorAndLogsOneLine() throws Exception {
        Path f = Files.writeString(m.mnt.resolve("bad"), "x");
        long ino = ino(m.backing.resolve("bad"));
        sh("setfattr -n user.vexfs.vector -v 1,2,3,4 bad");
        String[] bad = {"1,2,3", "1,2,3,4,5", "1,nan,3,4", "1,inf,3,4", "1,-inf,3,4", "1,,3,4", "1;2;3;4", "a,b,c,d", "",
                "1,2,3,4e39"};
        for (String v : bad) {
            FileSystemException e = assertThrows(FileSystemException.class,
                    () -> view(f).write("vexfs.vector", StandardCharsets.US_ASCII.encode(v)), v);
            assertTrue(e.getMessage().contains("Invalid argument"), v + ": " + e.getMessage());
        }
        for (int len : new int[] {0, 4, 15, 17, 32}) {
            assertThrows(FileSystemException.class, () -> view(f).write("vexfs.vector.f32", ByteBuffer.allocate(len)),
                    len + " bytes");
        }
        ByteBuffer nan = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putFloat(Float.NaN).putFloat(1).putFloat(2).putFloat(3);
        assertThrows(FileSystemException.class, () -> view(f).write("vexfs.vector.f32", nan.flip()));
        assertEquals("1.0,2.0,3.0,4.0", new String(read(f, "vexfs.vector"), StandardCharsets.US_ASCII));
        var shell = sh("setfattr -n user.vexfs.vector -v '0.5,x' bad");
        assertEquals(1, shell.exit());
        assertTrue(shell.output().contains("Invalid argument"), shell.output());
        long lines = m.log().lines().filter(l -> l.contains("WARN") && l.contains("ino " + ino + " (/bad)")).count();
        assertEquals(bad.length + 5 + 1 + 1, lines, "one log line per refused value:\n" + m.log());
        assertTrue(m.log().contains("ino " + ino + " (/bad): value 2 is NaN"), m.log());
        assertTrue(m.log().contains("expected 16 bytes (4 float32), got 15"), m.log());
    }

    @Test
    void createAndReplaceFlagsAndCopiesOfVecFiles() throws Exception {
        String py = "import os,sys\n"
                + "p=sys.argv[1]; n='user.vexfs.vector'\n"
                + "def t(v,f):\n"
                + "  try:\n"
                + "    os.setxattr(p,n,v,f); return 'ok'\n"
                + "  except OSError as e: return str(e.errno)\n"
                + "print(t(b'1,1,1,1',os.XATTR_REPLACE), t(b'1,1,1,1',os.XATTR_CREATE), t(b'2,2,2,2',os.XATTR_CREATE),"
                + " t(b'3,3,3,3',os.XATTR_REPLACE))\n";
        Files.writeString(m.mnt.resolve("flags"), "x");
        var r = MountFixture.run(java.util.List.of("python3", "-c", py, m.mnt.resolve("flags").toString()));
        assertEquals("61 ok 17 ok", r.output().trim(), "ENODATA, created, EEXIST, replaced");
        assertEquals("3.0,3.0,3.0,3.0", new String(read(m.mnt.resolve("flags"), "vexfs.vector"), StandardCharsets.US_ASCII));
        // cp may copy with copy_file_range (no WRITE requests): the .vec is indexed all the same
        var cp = sh("/bin/echo 9,8,7,6 > src.txt && cp src.txt copied.vec && getfattr --only-values -n user.vexfs.vector copied.vec");
        assertEquals("9.0,8.0,7.0,6.0", cp.output().trim(), cp.output());
    }

    @Test
    void removexattrRemovesAndThenSaysEnodata() throws Exception {
        var r = sh("touch rm && setfattr -n user.vexfs.vector -v 1,2,3,4 rm && setfattr -x user.vexfs.vector.f32 rm"
                + " && getfattr -d -m - rm; getfattr -n user.vexfs.vector rm; setfattr -x user.vexfs.vector rm");
        assertFalse(r.output().contains("user.vexfs.vector="), r.output());
        assertTrue(r.output().contains("rm: user.vexfs.vector: No such attribute"), r.output());
        assertTrue(r.output().contains("setfattr: rm: No such attribute"), r.output());
        assertFalse(view(m.backing.resolve("rm")).list().contains("vexfs.v1"));
    }

    @Test
    void vecFilesAreIndexedOnCloseAndBadContentFailsClose() throws Exception {
        var ok = sh("/bin/echo '0.5,1.5,2.5,3.5' > doc.vec && getfattr --only-values -n user.vexfs.vector doc.vec");
        assertEquals(0, ok.exit(), ok.output());
        assertEquals("0.5,1.5,2.5,3.5", ok.output().trim());
        // coreutils echo checks close(): the FLUSH error reaches it
        var bad = sh("/bin/echo 'not,a,vector' > doc.vec");
        assertNotEquals(0, bad.exit());
        assertTrue(bad.output().contains("Invalid argument"), bad.output());
        assertEquals("not,a,vector\n", Files.readString(m.mnt.resolve("doc.vec")), "bytes stay as written");
        assertEquals("not,a,vector\n", Files.readString(m.backing.resolve("doc.vec")));
        var still = sh("getfattr --only-values -n user.vexfs.vector doc.vec");
        assertEquals("0.5,1.5,2.5,3.5", still.output().trim(), "previous vector stays");
        // bash's builtin echo ignores the result of close(): exit 0, but the vector is still not replaced
        var builtin = sh("echo '1,2' > doc.vec; echo rc=$?; getfattr --only-values -n user.vexfs.vector doc.vec");
        assertTrue(builtin.output().startsWith("rc=0\n0.5,1.5,2.5,3.5"), builtin.output());
        // Java sees close() fail
        java.io.IOException e = assertThrows(java.io.IOException.class,
                () -> Files.writeString(m.mnt.resolve("j.vec"), "1,2,3"));
        assertTrue(e.getMessage().contains("Invalid argument"), e.getMessage());
        Files.writeString(m.mnt.resolve("j.vec"), "4,3,2,1\n");
        assertEquals("4.0,3.0,2.0,1.0", new String(read(m.mnt.resolve("j.vec"), "vexfs.vector"), StandardCharsets.US_ASCII));
        // a non-.vec file is never parsed
        Files.writeString(m.mnt.resolve("notes.txt"), "1,2,3,4");
        assertFalse(view(m.mnt.resolve("notes.txt")).list().contains("vexfs.vector"));
        long warn = m.log().lines().filter(l -> l.contains(".vec file ino") && l.contains("(/doc.vec)")).count();
        assertEquals(2, warn, m.log());
    }
}
