"""Pure, vectorised methods (numpy/pandas, no Django): criticality, GeoPolRisk, concentration, uncertainty."""
