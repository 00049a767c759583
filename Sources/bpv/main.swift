print("bpv")
