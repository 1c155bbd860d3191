using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrivacyPortal.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DisclosedData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DeliveryEndsOn",
                table: "Requests",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DisclosedFilesDeletedAtUtc",
                table: "Requests",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DisclosedFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    StoredName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisclosedFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisclosedFiles_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DisclosedFiles_RequestId",
                table: "DisclosedFiles",
                column: "RequestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DisclosedFiles");

            migrationBuilder.DropColumn(
                name: "DeliveryEndsOn",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "DisclosedFilesDeletedAtUtc",
                table: "Requests");
        }
    }
}
