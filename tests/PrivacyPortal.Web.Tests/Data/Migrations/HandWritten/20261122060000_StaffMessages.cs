using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PrivacyPortal.Web.Tests.Data.Migrations.HandWritten;

/// <summary>The staff outbox: daily digests and escalations, one per key.</summary>
[DbContext(typeof(HandWrittenSqliteContext))]
[Migration("20261122060000_StaffMessages")]
public sealed class StaffMessages : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "StaffMessages",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                Recipient = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                NextAttemptAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                FailedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_StaffMessages", x => x.Id));
        migrationBuilder.CreateIndex("IX_StaffMessages_Key", "StaffMessages", "Key", unique: true);
        migrationBuilder.CreateIndex("IX_StaffMessages_SentAtUtc", "StaffMessages", "SentAtUtc");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "StaffMessages");
}
