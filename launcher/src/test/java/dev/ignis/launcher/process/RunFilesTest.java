package dev.ignis.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesTest {

    @TempDir
    Path run;

    @Test
    void aRecordedProcessThatIsStillTheSameIsTheStacks() {
        RunFiles files = new RunFiles(run);
        long self = ProcessHandle.current().pid();

        files.recordChild("gateway", self);
        files.recordLauncher(self);

        assertThat(files.liveChildren()).extracting(ProcessHandle::pid).containsExactly(self);
        assertThat(files.liveLauncher()).map(ProcessHandle::pid).hasValue(self);
    }

    @Test
    void aStalePidFileNamingAnotherProcessUnderTheSamePidIsNotTheStacks() throws Exception {
        RunFiles files = new RunFiles(run);
        long self = ProcessHandle.current().pid();
        // The recorded process started at another time: its pid now belongs to a stranger (this JVM).
        Files.writeString(run.resolve("gateway.pid"), self + " 1000");
        Files.writeString(run.resolve("launcher.pid"), self + " 1000");
        // A file from before start times were recorded names no process either.
        Files.writeString(run.resolve("kafka.pid"), Long.toString(self));

        assertThat(files.liveChildren()).isEmpty();
        assertThat(files.liveLauncher()).isEmpty();
    }
}
