"""News-style texts written for the suggestion tests, in several publications' styles.

They are fiction: every person, organisation and event here is made up (places are real).
`gold_spec.py` holds their hand-made annotations.
"""

AP_SENATE = """Senate passes water bill after late-night vote

WASHINGTON (AP) — The Senate passed a $12 billion water infrastructure bill early Thursday after a marathon session, sending the measure to the House.

"This is the most important investment in clean water in a generation," said Sen. Maria Delgado, D-N.M., who wrote the bill. "Families in my state have waited long enough."

Republicans had sought to cut the price tag. Sen. Tom Harlan of Kansas said the bill spent "far too much on projects nobody asked for."

"We're not against clean water," Harlan told reporters outside the chamber. "We're against waste."

According to the Congressional Budget Office, the bill would add $3 billion to the deficit over 10 years.

The White House said in a statement that President Joe Biden would sign the bill if it reached his desk.

Delgado said she expected the House to take up the measure next month. "I've talked to the speaker," she said. "He knows what's at stake."

The bill includes money for lead pipe replacement in cities such as Flint, Michigan, and Jackson, Mississippi, officials said.
"""

GUARDIAN_CHOIR = """‘We were written off’: Sheffield choir’s surprise win stuns judges

A community choir from Sheffield that formed during the pandemic has won the national Choir of the Year competition, beating groups that have been singing together since the ’90s.

The 40-strong Steel Valley Voices, whose members range from 19 to 84, sang a rock ’n’ roll medley in the final at the Royal Albert Hall on Saturday.

Their conductor, Priya Sharma, said she had to pinch herself when the result was announced. “Nobody gave us a chance,” she told the Guardian. “We were the rank outsiders. The other choirs’ costumes alone cost more than our whole budget.

“But we had something they didn’t have, which is that every single person in that room had a reason to be there.

Related: Britain’s oldest choir celebrates 300 years

“Some of our members had lost people during Covid. Singing was how we got through it.”

The judges’ chair, Sir Malcolm Reid, described the performance as “raw, joyful and completely fearless”.

Reid, a former director of music at Westminster Abbey, said the panel had been unanimous. “When they finished, I looked at my colleagues and one of them just said, ‘Well, that’s that, then.’ There was no debate.”

Sharma, 41, who teaches music at a secondary school in Rotherham, said the choir would use the £5,000 prize to pay for a minibus.

“We’ve been borrowing cars and vans for three years,” she added. “Now we can finally all travel together.”

The BBC will broadcast highlights of the competition on 14 December.
"""

QA_TENNIS = """'I still get nervous before every match': Tennis star Elena Petrova on pressure, fame and her comeback

Elena Petrova returned to the top 10 this year after a two-year injury layoff. Ahead of Wimbledon, the 26-year-old Bulgarian spoke to our reporter about her recovery.

Q: How does it feel to be back among the best players in the world?

A: Honestly, it feels strange. For two years I was watching matches on my sofa, and now I'm playing them again. Some mornings I still can't believe it.

Q: Your coach, Marco Bellini, has said you nearly quit in 2022. Is that true?

A: Marco knows me better than anyone. There was a day in Rome when I told him, "I'm done, I can't do this any more." He just said, "Sleep on it." I'm very glad I did.

Q: What has changed in your game?

A: I serve better. My physio always says my shoulder is stronger than before the surgery, and I believe her.

Petrova plays her first match at Wimbledon on Tuesday.
"""

TABLOID_LOTTERY = """Lottery winner gives away half of £2m jackpot to neighbours

A grandmother who scooped £2million on the lottery has handed half of it to the people on her street.

Margaret Ellis, 67, from Hull, said she 'couldn't think of anything better' to do with the money.

'They've looked after me since my husband died,' she said. 'When the boiler broke last winter, it was Dave from number 12 who fixed it for nothing.

'This is my way of saying thank you.'

Neighbour Dave Norris, 52, said he had 'burst into tears' when she knocked on his door with the cheque.

'She just said, "Merry Christmas, love," and walked off,' he told the Hull Daily Mail. 'I didn't know what to say.'

Camelot, which runs the National Lottery, confirmed the win on Monday. A spokesman said: 'We're delighted for Mrs Ellis and her community.'

Mrs Ellis plans to spend some of the rest on a trip to Australia to see her grandchildren.
"""

SPORT_ROVERS = """Harris double sends Rovers top as Kane hails 'special' night

Blackburn Rovers moved top of the Championship on Tuesday night after two second-half goals from Jack Harris sealed a 2-1 win over Leeds United.

The 24-year-old striker, signed from Everton in the summer, struck in the 58th and 81st minutes after Leeds had taken the lead through Luis Ortega.

"It's a special night for everyone connected with the club," said Rovers manager Steve Kane, whose side were bottom in October.

"The lads showed real character after going behind. We didn't panic, we kept playing our football, and in the end we got what we deserved."

Kane said Harris had been carrying an ankle injury for a fortnight. "He's been playing through the pain," the 51-year-old added. "I can't speak highly enough of him."

Harris himself was more modest. "The first one was a bit of luck, to be honest," he said. "But I'll take it."

"We have to keep our feet on the ground," Harris went on, "because there's a long way to go."

Leeds boss Andrea Conti said his players had "switched off" for the second goal.
"""

BUSINESS_FACTORY = """Greenfield Foods to close Bristol factory with loss of 300 jobs

Greenfield Foods is to close its factory in Bristol next year, putting about 300 jobs at risk, the company said on Wednesday.

In a statement, the firm said falling demand for frozen ready meals had left the site "no longer viable". It said staff would be offered redeployment at its plants in Leicester and Glasgow where possible.

The GMB union, which represents most of the workers, called the decision "a hammer blow" for the area.

"Many of these workers have given twenty or thirty years to this company," said Sarah Okafor, the GMB's regional organiser. "They deserve better than a press release."

A spokesperson for Greenfield Foods said: "We understand this is very difficult news for our colleagues, and we will support them through the process."

Bristol's mayor, Tom Reeves, told BBC Radio Bristol that the city council would "do everything in its power" to find a buyer for the site.

Shares in Greenfield fell 4% in London trading.
"""

COURT_CYCLIST = """Man jailed for 'reckless' crash that killed cyclist

A driver who killed a cyclist while using his phone at the wheel has been jailed for six years.

Daniel Morris, 34, admitted causing death by dangerous driving at Newcastle Crown Court in March.

The court heard that Morris was scrolling through social media when his van hit Emily Watts, 29, on the A69 near Hexham in August last year.

Prosecutor Helen Grant told the court that Morris had looked at his phone 14 times in the five minutes before the crash. "This was not a momentary lapse," she said. "It was a pattern of behaviour."

In a statement read to the court, Ms Watts's mother, Anne, said: "Emily was the kindest person I have ever known. The day we lost her, our lives stopped."

Judge Richard Hale said Morris had shown "genuine remorse" but that the sentence had to reflect the harm caused.

"You chose to look at a screen rather than the road," the judge told him. "A family has paid the price for that choice."

Outside court, Emily's father, Mark Watts, said: "She used to tell us, 'Be careful out there.' We never thought she would be the one who needed protecting."
"""
