using System.ComponentModel.DataAnnotations;

namespace NewsMonitor.Delivery.Channels;

/// <summary>The SMTP server digests are sent through; the password comes from a setting (Key Vault in Azure), never from a file.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Monitor:Smtp";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary><c>StartTls</c> (port 587), <c>SslOnConnect</c> (465), <c>Auto</c>, or <c>None</c> for a trusted local relay.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? User { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "NewsMonitor <newsmonitor@localhost>";
}

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpSecurity
{
    Auto,
    None,
    StartTls,
    SslOnConnect,
}
