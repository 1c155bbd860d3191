using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PrivacyPortal.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PersonOfAgentRequest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AnswerToPerson",
                table: "Requests",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "PersonObjectedAtUtc",
                table: "Requests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PersonTokenHash",
                table: "Requests",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ToPerson",
                table: "RequestLetters",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Requests_PersonTokenHash",
                table: "Requests",
                column: "PersonTokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Requests_PersonTokenHash",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "AnswerToPerson",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "PersonObjectedAtUtc",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "PersonTokenHash",
                table: "Requests");

            migrationBuilder.DropColumn(
                name: "ToPerson",
                table: "RequestLetters");
        }
    }
}
