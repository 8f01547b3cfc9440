/// Deterministic SVG charts: the same data always gives the same bytes.
public enum HedgeplanCharts {}
