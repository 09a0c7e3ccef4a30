import { describe, expect, it } from "vitest";
import { stockholmDateTime } from "../../src/reminders/stockholm-time.ts";
import {
  addWorkingDays,
  easterSunday,
  isWorkingDay,
  swedishHolidays,
} from "../../src/reminders/swedish-holidays.ts";

const day = (date: string) => stockholmDateTime(date);
const dateOf = (name: string, year: number) =>
  swedishHolidays(year).find((holiday) => holiday.name === name)?.date;

describe("Swedish holidays", () => {
  it("finds Easter Sunday for known years", () => {
    expect(easterSunday(2024)).toEqual({ month: 3, day: 31 });
    expect(easterSunday(2025)).toEqual({ month: 4, day: 20 });
    expect(easterSunday(2027)).toEqual({ month: 3, day: 28 });
    expect(easterSunday(2038)).toEqual({ month: 4, day: 25 });
    expect(easterSunday(2285)).toEqual({ month: 3, day: 22 });
  });

  it("lists the 2027 days off with the Easter-based and midsummer dates", () => {
    const holidays = Object.fromEntries(swedishHolidays(2027).map((holiday) => [holiday.name, holiday.date]));
    expect(holidays).toMatchObject({
      Nyårsdagen: "2027-01-01",
      "Trettondedag jul": "2027-01-06",
      Långfredagen: "2027-03-26",
      Påskdagen: "2027-03-28",
      "Annandag påsk": "2027-03-29",
      "Första maj": "2027-05-01",
      "Kristi himmelsfärdsdag": "2027-05-06",
      Pingstdagen: "2027-05-16",
      "Sveriges nationaldag": "2027-06-06",
      Midsommarafton: "2027-06-25",
      Midsommardagen: "2027-06-26",
      "Alla helgons dag": "2027-11-06",
      Julafton: "2027-12-24",
      Juldagen: "2027-12-25",
      "Annandag jul": "2027-12-26",
      Nyårsafton: "2027-12-31",
    });
  });

  it("puts midsommarafton on the Friday between 19 and 25 June every year", () => {
    expect(dateOf("Midsommarafton", 2026)).toBe("2026-06-19");
    expect(dateOf("Midsommarafton", 2025)).toBe("2025-06-20");
    expect(dateOf("Midsommarafton", 2028)).toBe("2028-06-23");
    for (let year = 2000; year < 2100; year++) {
      const eve = stockholmDateTime(dateOf("Midsommarafton", year) ?? "");
      expect(eve.weekday).toBe(5);
      expect(eve.month === 6 && eve.day >= 19 && eve.day <= 25).toBe(true);
    }
  });

  it("treats weekends, holidays and eves as non-working days", () => {
    expect(isWorkingDay(day("2027-03-25"))).toBe(true);
    expect(isWorkingDay(day("2027-03-26"))).toBe(false);
    expect(isWorkingDay(day("2027-03-29"))).toBe(false);
    expect(isWorkingDay(day("2027-06-25"))).toBe(false);
    expect(isWorkingDay(day("2027-12-24"))).toBe(false);
    expect(isWorkingDay(day("2027-12-31"))).toBe(false);
    expect(isWorkingDay(day("2027-02-13"))).toBe(false);
  });
});

describe("working-day arithmetic", () => {
  it("steps over the Easter weekend", () => {
    expect(addWorkingDays(day("2027-03-25"), 1).toISODate()).toBe("2027-03-30");
    expect(addWorkingDays(day("2027-03-30"), -1).toISODate()).toBe("2027-03-25");
    expect(addWorkingDays(day("2027-03-30"), -3).toISODate()).toBe("2027-03-23");
  });

  it("steps over midsommar", () => {
    expect(addWorkingDays(day("2027-06-24"), 1).toISODate()).toBe("2027-06-28");
    expect(addWorkingDays(day("2027-06-28"), -1).toISODate()).toBe("2027-06-24");
  });

  it("steps over Christmas and New Year", () => {
    expect(addWorkingDays(day("2027-12-23"), 1).toISODate()).toBe("2027-12-27");
    expect(addWorkingDays(day("2027-12-30"), 1).toISODate()).toBe("2028-01-03");
  });

  it("moves zero working days back to a working day", () => {
    expect(addWorkingDays(day("2027-03-29"), 0).toISODate()).toBe("2027-03-25");
    expect(addWorkingDays(day("2027-03-24"), 0).toISODate()).toBe("2027-03-24");
  });
});
