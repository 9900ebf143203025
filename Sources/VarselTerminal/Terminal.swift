import VarselUI
