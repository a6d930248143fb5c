namespace Hearth.Hardware.Watchdog;

public enum Severity
{
    Info,
    Warning,
    Critical,
}
