package org.viosbench.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The *.vios.json format: exact round trips, and every kind of bad file refused whole with where and why. */
class TopologyFileTest {

    @TempDir
    Path tmp;

    @Test
    void roundTripsExactly() throws Exception {
        Topology t = ValidatorTest.clean();
        t.cecs().get(0).setModel("9009-42A");
        t.vios(1).setAddress("127.0.0.1:7401");
        t.vios(2).setDaemons(java.util.List.of(10, 11, 12));
        t.lpar(11).setOsType(OsType.LINUX);
        t.setTiming(50, 400);
        AutoLayout.apply(t);
        Path file = tmp.resolve("t" + TopologyFile.SUFFIX);
        TopologyFile.write(t, file);
        Topology back = TopologyFile.read(file);
        assertEquals(TopologyFile.format(t), TopologyFile.format(back));
        assertEquals(Files.readString(file), TopologyFile.format(back));
        assertEquals(2, back.mappings().size());
        assertEquals(t.vios(2).bounds(), back.vios(2).bounds());
        assertEquals(OsType.LINUX, back.lpar(11).osType());
    }

    @Test
    void aFileWithoutCoordinatesIsLaidOut() throws Exception {
        String json = TopologyFile.format(ValidatorTest.clean()); // no bounds: never laid out
        assertTrue(!json.contains("bounds"), json);
        Topology t = TopologyFile.parse(json);
        assertTrue(AutoLayout.needed(t));
        AutoLayout.apply(t);
        assertTrue(!AutoLayout.needed(t));
        Bounds v1 = t.vios(1).bounds();
        Bounds v2 = t.vios(2).bounds();
        Bounds l = t.lpar(11).bounds();
        Bounds cec = t.cecs().get(0).bounds();
        assertTrue(v1.x() + v1.width() <= v2.x(), "VIOSes side by side");
        assertTrue(l.y() >= v1.y() + v1.height() + 20, "LPARs below, with room for the mapping lines");
        assertTrue(l.y() + l.height() < cec.height() && v2.x() + v2.width() < cec.width(), "inside the CEC");
    }

    /** A good file with one edit: {@code from} replaced by {@code to}. */
    private static String broken(String from, String to) {
        String good = TopologyFile.format(ValidatorTest.clean());
        assertTrue(good.contains(from), from);
        return good.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "wrong format     | \"viosbench-topology\"   | \"something-else\"        | /format                  | not a viosbench topology",
            "newer version    | \"version\" : 1          | \"version\" : 2           | /version                 | written by a newer viosbench",
            "version as text  | \"version\" : 1          | \"version\" : \"1\"       | /version                 | expected a whole number",
            "missing name     | \"name\" : \"vios1\",    | ''                        | /cecs/0/vioses/0/name    | missing field \"name\"",
            "unknown field    | \"role\" : \"MEMBER\"    | \"rol\" : \"MEMBER\"      | /cecs/0/vioses/1/rol     | unknown field \"rol\"",
            "bad role         | \"role\" : \"MEMBER\"    | \"role\" : \"BOSS\"       | /cecs/0/vioses/1/role    | not one of [MEMBER, DB_PRIMARY]",
            "bad os           | \"osType\" : \"AIX\"     | \"osType\" : \"VMS\"      | /cecs/0/lpars/0/osType   | OS type \"VMS\"",
            "id too large     | \"id\" : 2,              | \"id\" : 4294967296,      | /cecs/0/vioses/1/id      | 0..4294967295",
            "duplicate id     | \"id\" : 2,              | \"id\" : 1,               | /cecs/0/vioses/1/id      | already used at /cecs/0/vioses/0",
            "dangling vios    | \"vios\" : 2,            | \"vios\" : 7,             | /mappings/1/vios         | no VIOS has id 7",
            "dangling lpar    | \"lpar\" : 11,           | \"lpar\" : 12,            | /mappings/0/lpar         | no LPAR has id 12",
            "daemon range     | \"daemons\" : [ 10 ]     | \"daemons\" : [ 70000 ]   | /cecs/0/vioses/0/daemons/0 | 0..65535",
            "daemons a number | \"daemons\" : [ 10 ]     | \"daemons\" : 10         | /cecs/0/vioses/0/daemons | expected an array, found the number 10",
    })
    void badContentIsRefusedWithItsPath(String name, String from, String to, String where, String why) {
        TopologyFileException e = assertThrows(TopologyFileException.class, () -> TopologyFile.parse(broken(from, to)), name);
        assertEquals(where, e.where(), e.getMessage());
        assertTrue(e.problem().contains(why), e.getMessage());
    }

    @Test
    void badJsonIsRefusedWithLineAndColumn() {
        TopologyFileException e = assertThrows(TopologyFileException.class, () -> TopologyFile.parse("{\n  \"format\" : \"viosbench-topology\",\n  oops\n}"));
        assertEquals("line 3, column 3", e.where(), e.getMessage());
        assertTrue(e.problem().startsWith("not valid JSON"), e.problem());
        TopologyFileException dup = assertThrows(TopologyFileException.class,
                () -> TopologyFile.parse("{\"format\":\"viosbench-topology\",\"format\":\"x\"}"));
        assertEquals("the key \"format\" appears twice in one object", dup.problem(), dup.getMessage());
        assertEquals("the file is empty", assertThrows(TopologyFileException.class, () -> TopologyFile.parse("")).problem());
        assertTrue(assertThrows(TopologyFileException.class, () -> TopologyFile.parse("[1,2]")).problem().contains("expected a JSON object"));
        assertTrue(assertThrows(TopologyFileException.class, () -> TopologyFile.parse("{\"format\":\"viosbench-topology\"")).where()
                .startsWith("line 1"));
    }

    @Test
    void aFailedWriteLeavesTheOldFile() throws Exception {
        Path file = tmp.resolve("keep" + TopologyFile.SUFFIX);
        TopologyFile.write(ValidatorTest.clean(), file);
        String before = Files.readString(file);
        Path dir = tmp.resolve("ro");
        Files.createDirectories(dir);
        Path target = dir.resolve("x" + TopologyFile.SUFFIX);
        Files.createDirectory(target); // a directory where the file should go: the move fails
        Files.writeString(target.resolve("inside"), "x");
        assertThrows(java.io.IOException.class, () -> TopologyFile.write(ValidatorTest.clean(), target));
        assertEquals(before, Files.readString(file));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file left behind");
        }
    }
}
