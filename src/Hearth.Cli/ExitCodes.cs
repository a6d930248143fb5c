namespace Hearth.Cli;

/// <summary>Exit codes shared by every <c>hearth</c> command (docs/cli.md).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>A device is present but not working, or a GPU was expected and none works.</summary>
    public const int DeviceNotWorking = 1;

    /// <summary><c>analyze</c>: some inputs could not be read (each reported; the others were processed).</summary>
    public const int SomeInputsUnreadable = 1;

    /// <summary>Bad usage or an internal error.</summary>
    public const int UsageOrInternal = 2;

    /// <summary><c>hearth run --expect …</c>: the program succeeded but did not run where it was expected to.</summary>
    public const int ExpectationNotMet = 3;

    /// <summary><c>hearth submit</c>, <c>hearth jobs</c>: the cluster job failed (its failure budget was spent).</summary>
    public const int JobFailed = 4;

    /// <summary><c>hearth submit</c>, <c>hearth jobs watch</c>: the node stopped answering during the job (it is kept; the id is printed).</summary>
    public const int NodeLost = 5;

    /// <summary><c>hearth train</c>: stopped by Ctrl+C (the last finished epoch is kept; <c>--resume</c> goes on), as shells say.</summary>
    public const int Interrupted = 130;

    /// <summary><c>hearth run</c>: the program could not be started (as shells say).</summary>
    public const int CommandNotFound = 127;
}
