using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PrivacyPortal.Web.Tests.Data.Migrations.HandWritten;

/// <summary>When an unconfirmed draft was reminded.</summary>
[DbContext(typeof(HandWrittenSqliteContext))]
[Migration("20261122030000_DraftReminders")]
public sealed class DraftReminders : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<DateTime>(name: "ConfirmationRemindedAtUtc", table: "Requests", type: "TEXT", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "ConfirmationRemindedAtUtc", table: "Requests");
}
