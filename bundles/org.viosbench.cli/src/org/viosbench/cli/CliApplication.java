package org.viosbench.cli;

import java.io.PrintWriter;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/** The Equinox entry point of the headless command line; the work is done by {@link Cli}. */
public final class CliApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = Cli.run(args == null ? new String[0] : args, out, err);
        out.flush();
        err.flush();
        return Integer.valueOf(code);
    }

    @Override
    public void stop() {
        // Commands run to completion on the thread that started them.
    }
}
