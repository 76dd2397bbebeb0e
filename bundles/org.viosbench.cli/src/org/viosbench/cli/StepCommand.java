package org.viosbench.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.viosbench.cluster.step.StepCluster;
import org.viosbench.cluster.step.StepRecipe;
import org.viosbench.engine.MessageIds;
import org.viosbench.engine.Request;
import org.viosbench.engine.RequestResult;
import org.viosbench.session.Conversions;
import org.viosbench.topology.Topology;
import org.viosbench.trace.RecordedTrace;
import org.viosbench.trace.TraceFile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code viosbench step}: replays a step-mode recipe on a topology's cluster, deterministically, and writes its trace. */
@Command(name = "step", description = { "Replay a step-mode recipe (*.step.json, saved by the Step Mode view) on the cluster of a topology,",
        "on the virtual clock, and write its trace (with packets). The same recipe always gives the same trace file.",
        "Prints one JSON line: each request's outcome, the events written." })
final class StepCommand extends LeafCommand {

    @picocli.CommandLine.Mixin
    TopologyTraceOptions files;

    @Option(names = "--recipe", required = true, paramLabel = "FILE", description = "The recipe: seed and choices.")
    Path recipeFile;

    @Override
    public Integer call() throws IOException {
        requireDistinct("--trace", files.traceFile, "--topology", files.topologyFile, "--recipe", recipeFile);
        Topology t = TopologyCommand.readRunnable(spec, files.topologyFile);
        if (t == null) {
            return Cli.FAILURE;
        }
        StepRecipe recipe;
        try {
            recipe = StepRecipe.read(recipeFile);
        } catch (NoSuchFileException e) {
            return fail(recipeFile + ": no such file");
        } catch (StepRecipe.BadRecipeException e) {
            return fail(Json.object().put("where", e.where()), recipeFile + ": " + e.getMessage());
        }
        StepCluster c;
        try {
            c = StepCluster.replay(Conversions.toClusterDescription(t), recipe.seed(), recipe.choices());
        } catch (IllegalStateException e) {
            return fail(recipeFile + ": " + e.getMessage());
        }
        try (c) {
            TraceFile.write(new RecordedTrace(c.events(), TopologyCommand.viosNames(t)), files.traceFile);
            ObjectNode out = Json.object().put("ok", true).put("trace", files.traceFile.toString()).put("events", c.events().size())
                    .put("choices", c.choices().size()).put("virtualMicros", c.nowNanos() / 1000).put("pending", c.pending().size());
            ArrayNode requests = out.putArray("requests");
            for (Request r : c.requests()) {
                RequestResult result = r.future().getNow(null);
                requests.addObject().put("messageId", MessageIds.label(r.messageId())).put("sender", MessageIds.sender(r.messageId()))
                        .put("outcome", result == null ? "open" : result.success() ? "success" : "failed");
            }
            Json.print(spec.commandLine().getOut(), out);
            return Cli.OK;
        }
    }
}
