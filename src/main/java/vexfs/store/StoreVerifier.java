package vexfs.store;

import static vexfs.store.StoreFormat.*;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import vexfs.base.FileExtension;

/**
 * Checks a vector file that is not open for writing elsewhere: header checksum and fields, file
 * size (whole records), counters, every record's state and checksum, duplicate keys. With
 * {@code repair} it truncates a partial trailing record, frees torn/unknown/duplicate records,
 * recounts and rewrites the counters as CLEAN. A damaged immutable header is not repairable.
 */
public final class StoreVerifier {
    private StoreVerifier() {}

    public static VerifyReport verify(Path storeDir, boolean repair) throws IOException {
        Path f = storeDir.resolve(FILE_NAME);
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (!Files.isRegularFile(f)) {
            problems.add("no vector file at " + f);
            return new VerifyReport(f.toString(), problems, notes, 0, 0, 0, 0, 0, 0, false, false);
        }
        try (FileExtension.Descriptor allocFd = new FileExtension.Descriptor(); // closed after the channel
             FileChannel ch = repair ? FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(f, StandardOpenOption.READ); Arena arena = Arena.ofConfined()) {
            if (repair) {
                VectorStore.lockOrRefuse(ch, f, "is open by a running vexfs; unmount before repairing");
            }
            long size = ch.size();
            Header h;
            try {
                h = Header.read(ch.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(size, HEADER_SIZE), arena), f.toString());
            } catch (CorruptStoreException e) {
                problems.add(e.getMessage());
                return new VerifyReport(f.toString(), problems, notes, 0, 0, 0, 0, 0, 0, false, false);
            }
            boolean fixed = false;
            long stray = (size - HEADER_SIZE) % h.recordSize();
            if (stray != 0) {
                problems.add("file ends with " + stray + " bytes of a partial record (size " + size + ")");
                if (repair) {
                    size -= stray;
                    ch.truncate(size);
                    fixed = true;
                }
            }
            long capacity = (size - HEADER_SIZE) / h.recordSize();
            if (!h.countersValid()) {
                problems.add("counters block checksum mismatch");
            } else if (h.state() == STATE_DIRTY) {
                notes.add("not closed cleanly (counters are recomputed on open)");
            } else if (h.state() != STATE_CLEAN) {
                problems.add("counters block has unknown state " + h.state());
            }
            if (repair) {
                // a hole mapped writable could fault on a full disk; the descriptor stays open until the channel
                // has closed (closing it would drop the writer lock taken above)
                FileExtension.allocate(allocFd.open(f), f, ch, size);
            }
            MemorySegment seg = ch.map(repair ? FileChannel.MapMode.READ_WRITE : FileChannel.MapMode.READ_ONLY, 0, size, arena);
            RecordScan s = RecordScan.run(seg, h, capacity, true, repair, problems);
            fixed |= repair && s.dropped() > 0;
            if (h.clean()) {
                if (h.live() != s.live) {
                    problems.add("header counts " + h.live() + " live vectors, records hold " + s.live);
                }
                if (h.highWater() > capacity) {
                    problems.add("header says " + h.highWater() + " slots in use, file holds " + capacity);
                }
                if (h.highWater() < s.highWater) {
                    problems.add("live record at slot " + (s.highWater - 1) + " beyond the header's " + h.highWater() + " slots in use");
                }
            }
            if (repair && (!problems.isEmpty() || !h.clean())) {
                writeCounters(seg, STATE_CLEAN, capacity, s.highWater, s.live, s.free.size(),
                        Math.max(h.countersValid() ? h.nextGeneration() : 0, s.maxGeneration + 1));
                seg.force();
                ch.force(true);
                fixed = true;
            }
            return new VerifyReport(f.toString(), problems, notes, capacity, s.highWater, s.live, s.free.size(),
                    s.torn, s.duplicates, true, fixed);
        }
    }
}
