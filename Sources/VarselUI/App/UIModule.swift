import VarselKit
