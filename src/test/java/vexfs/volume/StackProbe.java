package vexfs.volume;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Reads the native stack pointer of the calling thread (glibc getcontext on x86-64 Linux: uc_mcontext.gregs
 * [REG_RSP] at offset 160 of ucontext_t), so a test can measure how many stack bytes a Java call path really
 * uses. The reading is taken inside the downcall, a few hundred bytes below the Java caller: measurements are
 * upper bounds. {@link #available()} is false elsewhere.
 */
@SuppressWarnings("restricted") // raw FFM (linking, upcall stubs, reinterpret) is what this class is for
final class StackProbe {
    private static final long RSP_OFFSET = 40 + 15 * 8;
    private static final MethodHandle GETCONTEXT = lookup();
    private final MemorySegment context = Arena.ofAuto().allocate(1024, 16);

    private static MethodHandle lookup() {
        if (!"amd64".equals(System.getProperty("os.arch")) || !"Linux".equals(System.getProperty("os.name"))) return null;
        Linker linker = Linker.nativeLinker();
        return linker.defaultLookup().find("getcontext")
                .map(a -> linker.downcallHandle(a, FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS)))
                .orElse(null);
    }

    static boolean available() {
        return GETCONTEXT != null;
    }

    /** The current stack pointer (one probe per thread: the context buffer is not shared). */
    long stackPointer() {
        try {
            int rc = (int) GETCONTEXT.invokeExact(context);
            if (rc != 0) throw new IllegalStateException("getcontext failed");
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        return context.get(ValueLayout.JAVA_LONG, RSP_OFFSET);
    }
}
