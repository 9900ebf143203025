public enum VarselKitInfo { public static let version = "0.1.0" }
