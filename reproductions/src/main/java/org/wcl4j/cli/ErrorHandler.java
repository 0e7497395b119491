package org.wcl4j.cli;

import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception from a command into a message and an exit code: an {@link
 * IllegalArgumentException} anywhere in the cause chain (which includes every config error and a
 * damaged checkpoint) is a mistake in what the user asked for or gave, so its message is printed
 * and the exit code is 2; anything else exits with 1. A run that failed after its directory was
 * made ({@link RunDriver.Failure}) adds a line on where that directory is and how to continue.
 * Stack traces are printed only with {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    /** The exit code for a bad command line or config. */
    static final int USAGE = CommandLine.ExitCode.USAGE;

    /** The exit code for any other failure. */
    static final int FAILURE = CommandLine.ExitCode.SOFTWARE;

    @Override
    public int handleExecutionException(
            Exception exception, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        boolean verbose = verbose(parseResult);
        if (verbose) {
            exception.printStackTrace(err);
        }
        Throwable failure = exception;
        String note = null;
        if (exception instanceof RunDriver.Failure run && run.getCause() != null) {
            failure = run.getCause();
            note = run.note();
        }
        int code;
        Throwable badInput = badInput(failure);
        if (badInput != null) {
            err.println("error: " + badInput.getMessage());
            code = USAGE;
        } else {
            err.println("error: " + describe(failure));
            code = FAILURE;
        }
        if (note != null) {
            err.println(note);
        }
        if (code == FAILURE && !verbose) {
            err.println("Run again with --verbose to see the stack trace.");
        }
        err.flush();
        return code;
    }

    private static boolean verbose(ParseResult parseResult) {
        for (ParseResult r = parseResult; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable Throwable badInput(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String describe(Throwable exception) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append("\n  caused by: ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return text.toString();
    }
}
