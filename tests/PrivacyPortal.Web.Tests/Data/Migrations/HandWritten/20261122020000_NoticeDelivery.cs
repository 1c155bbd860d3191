using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PrivacyPortal.Web.Tests.Data.Migrations.HandWritten;

/// <summary>Delivery state of notices: back-off, give-up and the last error.</summary>
[DbContext(typeof(HandWrittenSqliteContext))]
[Migration("20261122020000_NoticeDelivery")]
public sealed class NoticeDelivery : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>(name: "NextAttemptAtUtc", table: "Notices", type: "TEXT", nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "FailedAtUtc", table: "Notices", type: "TEXT", nullable: true);
        migrationBuilder.AddColumn<string>(name: "LastError", table: "Notices", type: "TEXT", maxLength: 500, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "NextAttemptAtUtc", table: "Notices");
        migrationBuilder.DropColumn(name: "FailedAtUtc", table: "Notices");
        migrationBuilder.DropColumn(name: "LastError", table: "Notices");
    }
}
