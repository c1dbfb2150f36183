"""Small word lists about people: titles, roles, kinship, pronouns and first names.

They decide that "Dr Jones" and "filmmaker Dominic Savage" are people, which gender a
pronoun may refer to, and which capitalised words at a sentence start are not names.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Honorifics and offices written before a name; they are not part of the name mention.
TITLES = _words("""
Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Dr Dr. Prof Prof. Professor Sir Dame Lord Lady Baroness Baron
Rev Rev. Reverend Father Rabbi Imam Sheikh King Queen Prince Princess Duke Duchess Earl
Countess Pope Cardinal Archbishop Bishop President Chancellor Minister Secretary Senator
Sen. Sen Rep. Rep Representative Congressman Congresswoman Governor Gov. Gov Mayor Judge
Justice General Gen. Gen Colonel Col. Major Maj. Captain Capt. Lieutenant Lt. Sergeant
Sgt. Officer Detective Det. Inspector Insp. Superintendent Supt Commissioner Chief
Constable PC DC DI DCI DS Coach Ambassador Councillor Cllr Deputy Commander Admiral Marshal
Chairman Chairwoman Premier Chief-Executive Saint Speaker MP Senator-elect Councilman
Councilwoman Assemblyman Assemblywoman Alderman Sheriff Dean Principal Pastor
""")
TITLE_PHRASES = ("Prime Minister", "Vice President", "Deputy Prime Minister", "Foreign Secretary",
                 "Home Secretary", "Health Secretary", "Education Secretary", "First Minister",
                 "Chief Executive", "Attorney General", "Secretary of State", "Chief Justice",
                 "Crown Prince", "Lord Chancellor", "Shadow Chancellor", "Chief Constable",
                 "Detective Inspector", "Detective Sergeant", "Police Chief")
MALE_TITLES = _words("Mr Mr. Sir Lord Baron King Prince Duke Earl Father Congressman Chairman")
FEMALE_TITLES = _words("Mrs Mrs. Ms Ms. Miss Dame Lady Baroness Queen Princess Duchess "
                       "Countess Congresswoman Chairwoman")

# Role nouns: "filmmaker Dominic Savage", "the star said". Value: gender or "".
_FEMALE_ROLES = """actress mother mum mom daughter wife sister grandmother granddaughter aunt
niece woman girl lady girlfriend fiancee fiancée spokeswoman businesswoman chairwoman queen
princess duchess congresswoman policewoman stepmother stepdaughter widow bride heiress
mother-of-one mother-of-two mother-of-three mother-of-four ex-wife schoolgirl headmistress
waitress hostess daughters sisters"""
_MALE_ROLES = """father dad son husband brother grandfather grandson uncle nephew man boy
gentleman boyfriend fiance fiancé spokesman businessman chairman king prince duke
congressman policeman stepfather stepson widower groom father-of-one father-of-two
father-of-three father-of-four ex-husband schoolboy headmaster waiter sons brothers"""
_NEUTRAL_ROLES = """actor star singer rapper musician comedian presenter host director
filmmaker film-maker producer writer author novelist poet artist designer model dancer chef
journalist reporter editor columnist broadcaster photographer footballer player striker
midfielder defender goalkeeper captain manager coach boss owner founder co-founder
entrepreneur billionaire investor banker economist analyst scientist researcher professor
academic doctor surgeon nurse lawyer attorney barrister solicitor judge prosecutor detective
officer spokesperson official minister politician mp senator governor mayor president
chancellor secretary diplomat ambassador leader campaigner activist candidate voter
resident victim survivor witness suspect teenager student teacher pupil partner child
parent cousin friend colleague co-star pensioner veteran soldier pilot driver worker
employee farmer source insider expert specialist psychologist therapist psychiatrist
adviser advisor aide consultant commentator pundit critic historian biographer monarch
royal pope priest bishop vicar rabbi imam ex chief executive star's singer-songwriter
influencer youtuber creator showrunner screenwriter playwright composer guitarist
drummer frontman frontwoman athlete sprinter swimmer cyclist boxer fighter golfer
cricketer batsman bowler skipper referee umpire physician paramedic firefighter
commissioner inspector superintendent constable sergeant lieutenant colonel general
admiral commander negotiator mediator envoy chair ceo cfo cto mother-to-be dad-to-be
fan fans officials police prosecutors investigators witnesses experts analysts
researchers residents authorities sources campaigners protesters doctors scientists
lawyers organisers organizers neighbour neighbor physio physiotherapist agent publicist
manager organiser organizer conductor chair trainer carer caregiver landlord landlady
tenant passenger shopper customer owner-manager representative rep staffer relative
teammate co-worker employer councillor councilman councilwoman assemblyman
assemblywoman alderman sheriff deputy dean principal headteacher vicar pastor
spokespeople person people individual resident producer contestant presenter
residents parents teachers families neighbours neighbors voters
workers students passengers observers diplomats lawmakers ministers"""
ROLE_GENDER: dict[str, str] = {}
for _gender, _block in (("f", _FEMALE_ROLES), ("m", _MALE_ROLES), ("", _NEUTRAL_ROLES)):
    for _w in _block.split():
        ROLE_GENDER[_w] = _gender
PLURAL_ROLES = _words("""officials police prosecutors investigators witnesses experts analysts
researchers residents authorities sources campaigners protesters doctors scientists lawyers
organisers organizers fans sons daughters brothers sisters parents teachers families
neighbours neighbors voters workers students passengers observers diplomats lawmakers
ministers spokespeople critics""")
# Documents that "say" things: "the report said", "a study found".
DOCUMENT_NOUNS = _words("""study report survey poll research analysis paper statement
review letter documents document figures data filing lawsuit complaint memo
investigation inquiry audit minutes records""")

# Organisations spoken of by a common noun: "the company said".
ORG_NOUNS = _words("""company firm group club council government ministry department agency
force party team band union organisation organization charity committee board court
commission bank school university hospital network broadcaster channel newspaper studio
label league federation association campaign administration authority regulator service
embassy army military retailer airline carrier manufacturer developer publisher platform
website site app operator provider insurer watchdog trust foundation institute office
consortium coalition brand chain supermarket giant startup start-up chipmaker carmaker
automaker drugmaker lender miner bank insurer operator utility""")

SUBJECT_PRONOUNS = {"he": "m", "she": "f", "they": "p", "i": "1", "we": "1p", "it": "n"}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f",
                  "hers": "f", "herself": "f", "they": "p", "them": "p", "their": "p",
                  "it": "n", "its": "n", "i": "1", "me": "1", "my": "1", "we": "1p",
                  "us": "1p", "our": "1p"}
OBJECT_PRONOUNS = _words("me him them us you it her")
DETERMINERS = _words("the a an his her their its our my your this that one another some "
                     "two three four several many")

# Capitalised at the start of a sentence but never a name on their own.
COMMON_CAPS = _words("""
The A An This That These Those He She It They We I You His Her Its Their Our My Your Him
Them Us Me In On At For With From By Of To As But And Or So If When While After Before Since
Because Although Though However Meanwhile Yet Still Also Then Now There Here What Who Why How
Where Which Whose Whom Some Many Most More All Both Each Every No Not One Two Three Four Five
Six Seven Eight Nine Ten Other Another Such Last Next First New Old Former During Despite
Under Over About Around Among Between Into Through Against Without Within According Read
Watch Related See Click Share Photo Image Picture Listen Update Updated Breaking Exclusive
Live Just Even Only Yes Please Thanks Today Yesterday Tomorrow Tonight Instead Later Earlier
Asked Speaking Writing Appearing Talking Having Being Following Amid Like Unlike Until Unless
Whether Why Well Oh Indeed Perhaps Maybe Already Again Almost Often Sometimes Never Always
Once Twice Let Do Does Did Is Are Was Were Has Have Had Will Would Can Could Should Must May
Might Shall Get Got Go Going Make Made Take Took Look See Say Said Says Tell Told Ask Q A
Sign Subscribe Follow Advertisement Sponsored Video Audio Getty Credit Copyright Source
Sources Police Officials Mum Dad Mom Daddy Mummy God Lord Sir Madam Hello Hi Dear Thank
Merry Happy Anyway Plus Minus Nor Neither Either Except Besides Beyond Across Along Behind
Below Above
Near Upon Via Per Towards Toward Throughout Regardless Hence Thus Therefore Otherwise
Everyone Everybody Someone Somebody Anyone Nobody Nothing Something Everything Anything
""")

_FEMALE_NAMES = """Abigail Ada Adele Adriana Agnes Aisha Alexandra Alice Alicia Alison Amanda
Amber Amelia Amy Ana Andrea Angela Angelina Anita Ann Anna Anne Annie Antonia Ariana Ashley
Audrey Ava Barbara Beatrice Becky Bella Beth Betty Beverley Beyonce Beyoncé Bianca Billie
Brenda Bridget Britney Brooke Camilla Candice Carla Carmen Carol Caroline Carrie Cassandra
Catherine Cate Cathy Charlotte Chelsea Cher Cheryl Chloe Christina Christine Cindy Claire
Clara Claudia Colleen Courtney Cynthia Daisy Dakota Dana Danielle Davina Dawn Debbie Deborah
Delia Demi Denise Diana Diane Dolly Donna Dora Doris Dorothy Edith Eileen Elaine Eleanor
Elena Elizabeth Ella Ellen Ellie Eloise Elsa Emilia Emily Emma Erica Erin Esther Eva Eve
Evelyn Fatima Felicity Fern Fiona Florence Frances Francesca Gabriella Gemma Georgia
Geraldine Gillian Gina Gisele Gloria Grace Gwen Gwyneth Hailey Halle Hannah Harriet Hayley
Heather Heidi Helen Helena Hilary Hillary Holly Imogen Ingrid Irene Iris Isabel Isabella
Isabelle Ivanka Jacqueline Jade Jane Janet Janice Jasmine Jean Jeanette Jemima Jenna
Jennifer Jenny Jess Jessica Jill Joan Joanna Joanne Jodie Josephine Joy Joyce Judi Judith
Judy Julia Julie Juliet June Karen Kate Katherine Kathleen Kathryn Katie Katy Kay Keira
Kelly Kendall Kerry Kim Kimberley Kirsty Kristen Kylie Laura Lauren Layla Leah Lesley
Lily Linda Lindsay Lisa Liz Lizzie Lorraine Louisa Louise Lucy Lydia Lynn Madeleine
Madison Madonna Maggie Margaret Margot Maria Mariah Marie Marilyn Marion Martha Martina
Mary Maya Megan
Meghan Melanie Melissa Meryl Mia Michelle Mila Mildred Millie Miranda Miriam Molly Monica
Naomi Natalie Natasha Nadia Nancy Naomi Nicola Nicole Nigella Nina Nora Olivia Paige Pamela
Patricia Paula Pauline Penelope Penny Phoebe Pippa Polly Priti Priya Rachel Rebecca Rebekah
Reese Rihanna Rita Roberta Rosa Rosamund Rose Rosie Ruby Ruth Sabrina Sally Samantha Sandra
Sara Sarah Scarlett Selena Serena Shakira Sharon Sheila Shirley Sienna Simone Sinead Sofia
Sonia Sophia Sophie Stella Stephanie Susan Suzanne Sylvia Tamara Tanya Taylor Teresa Tess
Theresa Tiffany Tina Tracey Tracy Ursula Valerie Vanessa Vera Veronica Victoria Violet
Virginia Wendy Whitney Yasmin Yvonne Zara Zoe Zoë"""
_MALE_NAMES = """Aaron Abdul Adam Adrian Ahmed Aidan Alan Albert Alec Alex Alexander Alexei
Alfie Alfred Ali Alistair Andrew Andy Angus Anthony Antonio Archie Arnold Arthur Ashton
Barack Barry Ben Benedict Benjamin Bernard Bill Billy Bob Boris Brad Bradley Brendan Brian
Bruce Bruno Bryan Cameron Carl Carlos Charles Charlie Chris Christian Christopher Clive
Colin Connor Conor Craig Dan Daniel Danny Darren Dave David Dean Declan Denis Dennis Derek
Dominic Don Donald Douglas Duncan Dylan Eamonn Ed Eddie Edward Elliot Elon Elton Emmanuel
Enrique Eric Ethan Evan Felix Fernando Finn Francis Frank Fraser Fred Freddie Frederick
Gareth Gary Gavin Geoffrey George Gerald Gerry Gordon Graham Grant Greg Gregory Guy Hamish
Harold Harrison Harry Harvey Hector Henry Howard Hugh Hugo Iain Ian Isaac Ivan Jack Jackson
Jacob Jake James Jamie Jared Jason Javier Jay Jeff Jeffrey Jeremy Jerome Jesse Jim Jimmy
Joe Joel Joey John Johnny Jon Jonathan Jordan Jose José Joseph Josh Joshua Juan Julian
Justin Kanye Karl Keanu Keir Keith Kelvin Ken Kenneth Kevin Kieran Kurt Kyle Lee
Leo Leon Leonardo Lewis Liam Lionel Logan Louis Luca Lucas Luke Malcolm Marcus Mark Martin
Matt Matthew Max Michael Michel Mick Mike Miles Mohamed Mohammed Muhammad Nathan Neil Nick
Nicholas Nigel Noah Noel Oliver Ollie Omar Oscar Owen Patrick Paul Pedro Pete Peter Phil
Philip Pierce Piers Ralph Ray Raymond Reece Rees Rhys Richard Rick Rishi Rob Robbie Robert
Robin Rod Roger Ronald Ronnie Rory Ross Roy Rupert Russell Ryan Sadiq Sam Samuel Scott Sean
Sebastian Seth Shane Shaun Simon Stanley Stephen Steve Steven Stewart Stuart Ted Terry Theo
Thomas Tim Timothy Toby Todd Tom Tommy Tony Travis Trevor Tyler Victor Vincent Vladimir
Volodymyr Walter Warren Wayne Will William Xi Zac Zach Zachary Jeremiah Joaquin Matthias
Jürgen Emmanuel Olaf Justin Narendra Recep Benjamin Rafael Novak Roger Cristiano Kylian"""
_MORE_FEMALE = """Abby Aimee Alba Alexa Alexis Alina Allison Alyssa Amal Amara Amina
Anastasia Angie Anya Aoife Ayesha Bethany Bonnie Bronwen Caitlin Carly Cecilia Celia
Ciara Clare Cora Dolores Eilidh Elif Eliza Elle Elise Emer Esme Farah Freya Gabrielle
Gail Georgina Greta Hana Harper Hazel Hope Ines Isla Ivy Jacinda Janine Jennie Jocelyn
Joy Julianne Kamala Kate Kathy Kemi Khadija Kiera Kirsten Lana Laila Lara Leila Lena Lila
Liliana Lina Lola Lorna Lottie Lucia Lucinda Luisa Mabel Maeve Marta Matilda Maxine Mercy
Michaela Mina Mira Nadine Nell Niamh Nikki Noor Norma Olga Orla Pat Patti Petra Philippa
Poppy Rania Rhiannon Roisin Rosalind Rosemary Roxanne Sadie Sam Sana Saoirse Sasha Shannon
Sian Siobhan Stacey Suella Susie Suzy Svetlana Tara Thea Tilly Tori Ulrike Una Valentina
Vicky Viola Winnie Yolanda Yulia Zainab Zelda Angela Ursula Giorgia Marine Nicola Liz"""
_MORE_MALE = """Abdullah Ade Ahmad Akira Alejandro Alessandro Alistair Amir Anders Andre Andreas
Angelo Anton Antoine Arjun Arnaud Bashar Bernie Bjorn Blake Bobby Brett Callum Calvin
Carlo Carter Cesar Chad Chuck Clark Clint Cody Cole Corey Cormac Curtis Dale Damian Damon
Dante Darius Dario Darryl Davide Dermot Desmond Diego Dmitry Dominik Dwayne Eamon Edgar
Edwin Elijah Emil Emmett Enzo Erik Ernest Esteban Eugene Ewan Fabio Fergus Filipe Finlay
Florian Francesco Franco Gabriel Gavin Gerard Gianni Giuseppe Glen Glenn Gordon Gustavo
Hakan Hamza Hans Hassan Heinz Herbert Hiroshi Horace Hussein Ibrahim Idris Igor Imran
Isaiah Ismail Jaden Jakub Jamal Jan Jasper Javier Jens Joachim Johan Jonas Jorge Josef
Julio Jung Kai Kamal Karim Keegan Kemal Kenji Khalid Kofi Kurt Lars Laurence Lawrence
Leonard Liam Lorenzo Lukas Magnus Mahmoud Manuel Marc Marco Mario Marius Marvin Mason
Mateo Matteo Maurice Maxim Mehmet Miguel Mikhail Milan Mitch Mo Moritz Mustafa Nadir
Nasser Neil Nikolai Niall Nico Nigel Nikita Olaf Omar Orlando Oskar Pablo Paolo Pascal
Patrice Pavel Percy Philippe Pierre Rafael Rahul Raj Ramon Randy Raul Reggie Rene Ricardo
Riccardo Rio Roberto Rodrigo Roland Roman Ron Rowan Ruben Rudy Rui Salman Salvador Sami
Santiago Sergei Sergio Shaun Sid Silas Stefan Stephane Sven Tariq Thierry Thiago Tobias
Tomas Tristan Umar Usman Vikram Viktor Vince Vivek Wade Wes Wesley Wilbur Wilfred Willem
Wolfgang Xavier Yannick Yasser Yusuf Zoran Gianluca Jair Lula Emmanuel Giorgio Keir Rishi"""
FIRST_NAMES: dict[str, str] = {}
for _gender, _block in (("f", _FEMALE_NAMES), ("m", _MALE_NAMES), ("f", _MORE_FEMALE),
                        ("m", _MORE_MALE)):
    for _w in _block.split():
        FIRST_NAMES.setdefault(_w, _gender)
