/**
 * Which Excel features the host can do. The manifest asks for ExcelApi 1.7; anything above that is optional and
 * checked here at run time, so the pane can leave a feature out (and say so) instead of failing.
 *
 * Pure: the caller passes the `isSetSupported` function, so this is testable without Office.
 */

export type IsSetSupported = (name: string, minVersion?: string) => boolean;

/** The requirement set (ExcelApi version) each feature needs. */
export const FEATURE_API_VERSIONS = {
  /** The manifest's minimum: reading ranges, protection, the used range. */
  core: "1.7",
  /** Highlighting findings with conditional formats. */
  conditionalFormats: "1.6",
  /** Re-checking when the sheet changes (Worksheet.onChanged). */
  onChanged: "1.7",
  /** Reading merged cells (Range.getMergedAreasOrNullObject). */
  mergedAreas: "1.13",
} as const;

export type Feature = keyof typeof FEATURE_API_VERSIONS;

export type Features = Record<Feature, boolean>;

/** Reports, for each feature, whether the host supports the ExcelApi set it needs. Never throws. */
export function detectFeatures(isSetSupported: IsSetSupported): Features {
  const supported = (version: string): boolean => {
    try {
      return isSetSupported("ExcelApi", version) === true;
    } catch {
      return false;
    }
  };
  const features = {} as Features;
  for (const feature of Object.keys(FEATURE_API_VERSIONS) as Feature[]) {
    features[feature] = supported(FEATURE_API_VERSIONS[feature]);
  }
  return features;
}

/** The features the host lacks, in a stable order. */
export function missingFeatures(features: Features): Feature[] {
  return (Object.keys(FEATURE_API_VERSIONS) as Feature[]).filter((f) => !features[f]);
}

/**
 * Office's own `isSetSupported`, or one that says "no" to everything when Office.js is not loaded (tests, or a
 * page opened outside Office).
 */
export function officeIsSetSupported(): IsSetSupported {
  if (typeof Office === "undefined" || !Office.context?.requirements) return () => false;
  const requirements = Office.context.requirements;
  return (name, minVersion) => requirements.isSetSupported(name, minVersion);
}
