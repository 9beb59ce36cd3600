using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PprrBot.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RoutingConcurrency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "MissedMeetingDate",
                table: "RoutedQuestions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "RoutedQuestions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_RoutedQuestions_MeetingDate_Committee",
                table: "RoutedQuestions",
                columns: new[] { "MeetingDate", "Committee" });

            migrationBuilder.CreateIndex(
                name: "IX_RoutedQuestions_MemberAadObjectId",
                table: "RoutedQuestions",
                column: "MemberAadObjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RoutedQuestions_MeetingDate_Committee",
                table: "RoutedQuestions");

            migrationBuilder.DropIndex(
                name: "IX_RoutedQuestions_MemberAadObjectId",
                table: "RoutedQuestions");

            migrationBuilder.DropColumn(
                name: "MissedMeetingDate",
                table: "RoutedQuestions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "RoutedQuestions");
        }
    }
}
