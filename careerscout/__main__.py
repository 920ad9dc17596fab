from careerscout.cli import main

main()
