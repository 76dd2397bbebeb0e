package org.viosbench.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.viosbench.topology.Mapping;
import org.viosbench.topology.Partition;
import org.viosbench.topology.Problem;
import org.viosbench.topology.Samples;
import org.viosbench.topology.Topology;
import org.viosbench.topology.TopologyFile;
import org.viosbench.topology.TopologyFileException;
import org.viosbench.topology.Validator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/** {@code viosbench topology validate|sample}: topology files (*.vios.json) from the command line. */
@Command(name = "topology", description = "Check a topology file (*.vios.json), or write one of the sample topologies.",
        subcommands = { TopologyCommand.Validate.class, TopologyCommand.Sample.class, TopologyCommand.Export.class })
final class TopologyCommand extends GroupCommand {

    /** Reads {@code file}; when it cannot be read or is refused, prints why (with where) and returns null. */
    static Topology read(CommandSpec spec, Path file) throws IOException {
        ObjectNode out = Json.object().put("file", file.toString()).put("ok", false);
        try {
            return TopologyFile.read(file);
        } catch (NoSuchFileException e) {
            Json.print(spec.commandLine().getOut(), out.put("error", file + ": no such file"));
        } catch (TopologyFileException e) {
            Json.print(spec.commandLine().getOut(), out.put("error", "refused: " + e.getMessage()).put("where", e.where()));
        }
        return null;
    }

    /**
     * Reads {@code file} as a topology that can run: refused (printed, null returned) when it cannot
     * be read or has validation errors.
     */
    static Topology readRunnable(CommandSpec spec, Path file) throws IOException {
        Topology t = read(spec, file);
        if (t == null) {
            return null;
        }
        List<Problem> errors = Validator.validate(t).stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            Json.fail(spec, Json.object(), file + " has " + errors.size() + " error(s), for example: " + errors.get(0));
            return null;
        }
        return t;
    }

    /** VIOS id → name, for trace files. */
    static java.util.Map<Integer, String> viosNames(Topology t) {
        java.util.Map<Integer, String> names = new java.util.HashMap<>();
        for (org.viosbench.topology.Vios v : t.vioses()) {
            names.put((int) v.id(), v.name());
        }
        return names;
    }

    @Command(name = "validate", description = { "Read a topology file and print its problems as JSON.",
            "Exit 0 when it has no errors (warnings allowed), 1 when it has errors or cannot be read." })
    static final class Validate extends LeafCommand {
        @Parameters(paramLabel = "FILE", description = "The topology file.")
        Path file;

        @Override
        public Integer call() throws IOException {
            Topology t = read(spec, file);
            if (t == null) {
                return Cli.FAILURE;
            }
            ObjectNode out = Json.object().put("file", file.toString());
            List<Problem> problems = Validator.validate(t);
            long errors = problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
            out.put("ok", errors == 0).put("cecs", t.cecs().size()).put("vioses", t.vioses().size()).put("lpars", t.lpars().size())
                    .put("mappings", t.mappings().size()).put("errors", errors).put("warnings",
                            problems.stream().filter(p -> p.severity() == Problem.Severity.WARNING).count());
            ArrayNode list = out.putArray("problems");
            for (Problem p : problems) {
                ObjectNode n = list.addObject().put("severity", p.severity().name()).put("code", p.code()).put("message", p.message());
                if (p.element() != null) {
                    n.put("element", p.element().label());
                    n.put("kind", p.element().kind());
                    if (p.element() instanceof Partition part && part.cec() != null) {
                        n.put("cec", part.cec().name());
                    } else if (p.element() instanceof Mapping m) {
                        n.put("lpar", m.lpar().id()).put("vios", m.vios().id());
                    }
                }
            }
            Json.print(spec.commandLine().getOut(), out);
            return errors == 0 ? Cli.OK : Cli.FAILURE;
        }
    }

    @Command(name = "sample", description = { "Write a sample topology: small (2 CECs, 4 VIOSes, 8 LPARs), medium (4 CECs, 16 VIOSes,",
            "64 LPARs) or largest (24 VIOSes, the largest real cluster)." })
    static final class Sample extends LeafCommand {
        @Parameters(paramLabel = "NAME", description = "small, medium or largest.")
        String name;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write it (an existing file is replaced).")
        Path out;

        @Override
        public Integer call() throws IOException {
            if (!Samples.NAMES.contains(name)) {
                throw new ParameterException(spec.commandLine(), "no sample called " + name + " (samples: " + String.join(", ", Samples.NAMES) + ")");
            }
            Topology t = Samples.build(name);
            TopologyFile.write(t, out);
            Json.print(spec.commandLine().getOut(), Json.object().put("ok", true).put("file", out.toString()).put("cecs", t.cecs().size())
                    .put("vioses", t.vioses().size()).put("lpars", t.lpars().size()).put("mappings", t.mappings().size()));
            return Cli.OK;
        }
    }

    @Command(name = "export", description = { "Draw a topology file's diagram as SVG, as the editor shows it (elements without",
            "coordinates placed by the automatic layout)." })
    static final class Export extends LeafCommand {

        @Parameters(paramLabel = "FILE", description = "The topology file.")
        Path file;

        @Option(names = "--svg", paramLabel = "OUT", required = true, description = "The SVG file to write.")
        Path svg;

        @Override
        public Integer call() throws IOException {
            requireDistinct("--svg", svg, "FILE", file);
            Topology t = read(spec, file);
            if (t == null) {
                return Cli.FAILURE;
            }
            if (org.viosbench.topology.AutoLayout.needed(t)) {
                org.viosbench.topology.AutoLayout.apply(t);
            }
            java.nio.file.Files.writeString(svg, org.viosbench.topology.SvgExport.svg(t));
            Json.print(spec.commandLine().getOut(), Json.object().put("ok", true).put("file", svg.toString()).put("bytes",
                    java.nio.file.Files.size(svg)));
            return Cli.OK;
        }
    }
}
