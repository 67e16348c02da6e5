import { describe, expect, it } from "vitest";
import { boundingBox, formatDistanceKm, haversineKm } from "./geo";

describe("haversineKm", () => {
  it("matches known great-circle distances within 1 km", () => {
    // Amsterdam Dam square to Rotterdam Centraal: 57.6 km as the crow flies.
    expect(Math.abs(haversineKm({ lat: 52.373, lon: 4.8926 }, { lat: 51.9244, lon: 4.4695 }) - 57.6)).toBeLessThan(1);
    // Rosetta Code's haversine example, Nashville BNA to Los Angeles LAX: 2887.26 km
    // with R = 6372.8 km, so 2886.45 km with the mean radius used here.
    expect(Math.abs(haversineKm({ lat: 36.12, lon: -86.67 }, { lat: 33.94, lon: -118.4 }) - 2886.45)).toBeLessThan(1);
    // Paris to London (the textbook example): 343.5 km.
    expect(Math.abs(haversineKm({ lat: 48.8566, lon: 2.3522 }, { lat: 51.5074, lon: -0.1278 }) - 343.5)).toBeLessThan(1);
  });

  it("is zero for the same point and symmetric", () => {
    const a = { lat: 52.08, lon: 4.89 };
    const b = { lat: 52.09, lon: 5.12 };
    expect(haversineKm(a, a)).toBe(0);
    expect(haversineKm(a, b)).toBeCloseTo(haversineKm(b, a), 10);
  });
});

describe("boundingBox", () => {
  it("contains every point on the circle", () => {
    const centre = { lat: 52.08, lon: 4.89 };
    const box = boundingBox(centre, 25);
    for (let bearing = 0; bearing < 360; bearing += 5) {
      // A point 25 km away at this bearing (spherical destination formula).
      const d = 25 / 6371.0088;
      const lat1 = (centre.lat * Math.PI) / 180;
      const lon1 = (centre.lon * Math.PI) / 180;
      const t = (bearing * Math.PI) / 180;
      const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(t));
      const lon2 = lon1 + Math.atan2(Math.sin(t) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
      const point = { lat: (lat2 * 180) / Math.PI, lon: (lon2 * 180) / Math.PI };
      expect(haversineKm(centre, point)).toBeCloseTo(25, 6);
      expect(point.lat).toBeGreaterThanOrEqual(box.minLat);
      expect(point.lat).toBeLessThanOrEqual(box.maxLat);
      expect(point.lon).toBeGreaterThanOrEqual(box.minLon);
      expect(point.lon).toBeLessThanOrEqual(box.maxLon);
    }
  });
});

describe("formatDistanceKm", () => {
  it("writes Dutch decimals", () => {
    expect(formatDistanceKm(3.24)).toBe("3,2 km");
    expect(formatDistanceKm(0)).toBe("0,0 km");
    expect(formatDistanceKm(15.6)).toBe("16 km");
  });
});
