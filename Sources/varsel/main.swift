print("varsel")
